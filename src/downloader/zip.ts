// One ZIP of every downloaded file. Media is already compressed, so entries are stored, not deflated.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export async function writeZip(output: string, files: Array<{ path: string; name: string }>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addFile(f.path, f.name, { compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(output));
}
