/**
 * Where copies of call recordings are kept: an interface so object storage (S3, GCS…) can
 * replace the local folder later, and the local folder (`./data/recordings` by default), one
 * sub-folder per call. Names are the ids in base64url, so no id can reach outside the folder.
 * A file is written to a temporary name and renamed: a reader never sees half a recording.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredRecording {
  /** Bytes. */
  size: number;
  contentType: string;
}

/** Inclusive byte range, as HTTP Range means it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface RecordingStorage {
  /** Stores (or replaces) the recording of a call's record step. */
  save(
    callId: string,
    nodeId: string,
    body: ReadableStream<Uint8Array>,
    contentType: string,
  ): Promise<StoredRecording>;
  /** Undefined when there is no copy. */
  stat(callId: string, nodeId: string): Promise<StoredRecording | undefined>;
  /** The file, or part of it. */
  read(callId: string, nodeId: string, range?: ByteRange): ReadableStream<Uint8Array>;
  /** Removes every recording of a call (deletion, retention); nothing to remove is fine. */
  deleteCall(callId: string): Promise<void>;
}

/** Vonage records MP3 unless told otherwise; the folder stores nothing else. */
const mp3 = 'audio/mpeg';
const safe = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

export function localRecordingStorage(folder: string): RecordingStorage {
  const callFolder = (callId: string) => join(folder, safe(callId));
  const file = (callId: string, nodeId: string) => join(callFolder(callId), `${safe(nodeId)}.mp3`);
  return {
    async save(callId, nodeId, body, contentType) {
      if (contentType !== mp3 && !contentType.startsWith('audio/'))
        throw new Error(`not an audio file: ${contentType}`);
      await mkdir(callFolder(callId), { recursive: true });
      const target = file(callId, nodeId);
      const partial = `${target}.part`;
      await pipeline(Readable.fromWeb(body as never), createWriteStream(partial));
      await rename(partial, target);
      return { size: (await stat(target)).size, contentType: mp3 };
    },
    async stat(callId, nodeId) {
      try {
        const info = await stat(file(callId, nodeId));
        return { size: info.size, contentType: mp3 };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    read(callId, nodeId, range) {
      const stream = createReadStream(
        file(callId, nodeId),
        range ? { start: range.start, end: range.end } : {},
      );
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    async deleteCall(callId) {
      await rm(callFolder(callId), { recursive: true, force: true });
    },
  };
}
