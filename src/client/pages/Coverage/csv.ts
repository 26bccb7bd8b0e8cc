/** A CSV file (semicolon, UTF-8 with BOM so spreadsheet software reads the accents) offered for download. */
export function toCsv(headers: string[], rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : typeof value === 'number' ? String(value).replace('.', ',') : value;
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[headers, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function csvHref(headers: string[], rows: (string | number | null)[][]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(headers, rows))}`;
}
