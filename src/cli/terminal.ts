// What the CLI prints can carry remote text (titles, ids, upstream error messages). Control characters in it are
// shown escaped, never sent raw, so a hostile host cannot move the cursor, recolour or retitle the terminal.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const LATE_CONTROL = /[\u007f-\u009f]/g; // JSON.stringify escapes U+0000..U+001F itself
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of text, every control character (newlines too) written as a \uXXXX escape. */
export function printable(text: string): string {
  return text.replace(CONTROL, escape);
}

/** A line on stderr: progress, notes and errors. */
export function say(line: string): void {
  process.stderr.write(`${printable(line)}\n`);
}

/** One JSON object on stdout, with no raw control character. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value).replace(LATE_CONTROL, escape) + '\n');
}
