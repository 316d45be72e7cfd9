// What a command may touch, passed in so that tests run commands in-process with fakes.
import { readFile } from 'node:fs/promises';

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => readAll(process.stdin),
  now: () => Date.now(),
};

export const EXIT_OK = 0;
/** Usage errors and unusable input (SCREENING.md section 1). */
export const EXIT_UNUSABLE = 2;
