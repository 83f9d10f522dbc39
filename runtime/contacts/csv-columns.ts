/**
 * Which column of a contact CSV holds what, from its header row, in Japanese or English, as
 * address books and spreadsheets name them: 名前/氏名, 姓 + 名, 会社名, 電話番号1/携帯/TEL, 備考,
 * タグ… Header text is folded first (full-width, case, spaces, a trailing number, a bracketed
 * note: 「電話番号（携帯）2」 is 電話番号), so only the words themselves need listing.
 */

export type ColumnRole = 'id' | 'name' | 'family' | 'given' | 'company' | 'phone' | 'notes' | 'tags';

const aliases: Record<ColumnRole, readonly string[]> = {
  id: ['id', '連絡先id'],
  name: [
    '名前',
    '氏名',
    'お名前',
    '顧客名',
    '担当者',
    '担当者名',
    '名称',
    'name',
    'fullname',
    'displayname',
    'contactname',
  ],
  family: ['姓', '苗字', '名字', 'lastname', 'familyname', 'surname'],
  given: ['名', 'firstname', 'givenname'],
  company: [
    '会社',
    '会社名',
    '企業名',
    '法人名',
    '勤務先',
    '所属',
    '屋号',
    '団体名',
    'company',
    'companyname',
    'organization',
    'organisation',
  ],
  phone: [
    '電話番号',
    '電話',
    '携帯',
    '携帯電話',
    '携帯番号',
    '携帯電話番号',
    '固定電話',
    '自宅電話',
    '会社電話',
    'tel',
    'telephone',
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'cell',
    'cellphone',
  ],
  notes: ['メモ', '備考', 'ノート', 'コメント', 'notes', 'note', 'memo', 'comment', 'comments', 'remarks'],
  tags: [
    'タグ',
    'ラベル',
    'グループ',
    '分類',
    'tags',
    'tag',
    'labels',
    'label',
    'group',
    'groups',
    'category',
  ],
};

const roleByKey = new Map<string, ColumnRole>(
  (Object.entries(aliases) as Array<[ColumnRole, readonly string[]]>).flatMap(([role, keys]) =>
    keys.map((key) => [key, role] as const),
  ),
);

/** A header cell reduced to the word that names the column. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【<].*?[)）\]】>]/g, '')
    .replace(/[\s_\-.・:]/g, '')
    .replace(/[0-9]+$/, '');
}

export interface ColumnMap {
  /** The role of each column by index; undefined = not read. */
  roles: Array<ColumnRole | undefined>;
  /** Header texts of the columns that are not read (shown so nothing is silently lost). */
  ignored: string[];
}

/** The columns of a header row, or undefined when it names neither a name, a company nor a phone. */
export function mapColumns(header: readonly string[]): ColumnMap | undefined {
  const roles = header.map((cell) => roleByKey.get(headerKey(cell)));
  const names = roles.some((r) => r === 'name' || r === 'family' || r === 'given' || r === 'company');
  if (!names && !roles.includes('phone')) return undefined;
  const ignored = header.filter((cell, i) => roles[i] === undefined && cell.trim() !== '');
  return { roles, ignored };
}

/** The header words the importer knows, for the message of a file it could not read. */
export const knownHeaders = {
  name: aliases.name.slice(0, 3),
  company: aliases.company.slice(0, 2),
  phone: aliases.phone.slice(0, 3),
  notes: aliases.notes.slice(0, 2),
  tags: aliases.tags.slice(0, 1),
};
