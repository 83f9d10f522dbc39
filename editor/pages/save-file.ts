/** Hands a file to the browser's downloads (a fetched CSV, a test case, a recording). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
