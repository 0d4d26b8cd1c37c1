/**
 * Checks on the files a command will write, made before it runs anything: a batch can take
 * minutes, and an output that would replace the scenario it reads, or that cannot be written at
 * all, should be refused at once rather than after the work (or, worse, silently).
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileInTheWay } from './files.ts';

/** A file the command reads, described for messages ("the scenario file"). */
export interface Input {
  what: string;
  path: string;
}

/** A file (or, with `folder`, a folder of files) the command will write, and the flag that names it. */
export interface Output {
  flag: string;
  path: string | undefined;
  folder?: boolean;
}

/** `path` with every symbolic link resolved, also when its last parts do not exist yet. */
function canonical(path: string): string {
  const rest: string[] = [];
  for (let d = resolve(path); ; d = dirname(d)) {
    try {
      return join(realpathSync(d), ...rest.reverse());
    } catch {
      if (dirname(d) === d) return resolve(path);
      rest.push(basename(d));
    }
  }
}

/** True when `a` and `b` are the same file: the same path once links are resolved, or hard links to one file. */
export function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Whether the folder `folder` is the file `file` ('same'), lies under it ('inside'), or neither. */
function folderClash(folder: string, file: string): 'same' | 'inside' | undefined {
  if (sameFile(folder, file)) return 'same';
  const f = canonical(file);
  return canonical(folder).startsWith(f.endsWith(sep) ? f : f + sep) ? 'inside' : undefined;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR and the like: there is no file there
  }
}

/**
 * Adds to `problems` every output with an empty name, that would replace an input, that another
 * output also names (a folder output counts as named by a file output at or above it), or that
 * cannot be written because a file stands where a folder must be (or a folder where the file must
 * be). Writes nothing.
 */
export function checkOutputs(inputs: readonly Input[], outputs: readonly Output[], problems: string[]): void {
  // An empty name (`--csv ''`, `--csv` with no value) would otherwise fail only after the batch.
  for (const o of outputs) if (o.path === '') problems.push(`--${o.flag} needs ${o.folder ? 'the name of a folder to write into' : 'the name of a file to write'}`);
  const given = outputs.filter((o): o is Output & { path: string } => o.path !== undefined && o.path !== '');
  // Folders first: a folder that another output's file takes is one mistake, not also "not a folder" below.
  const clashing = new Set<Output>();
  for (const folder of given.filter((o) => o.folder)) {
    for (const file of given.filter((o) => !o.folder)) {
      const clash = folderClash(folder.path, file.path);
      if (clash === undefined) continue;
      const where = clash === 'same' ? `is also the file --${file.flag} writes` : `is inside ${file.path}, the file --${file.flag} writes`;
      problems.push(`--${folder.flag} ${folder.path} ${where}: one path cannot be both a file and a folder. Choose another folder.`);
      clashing.add(folder);
      break;
    }
  }
  for (const out of given) {
    if (clashing.has(out)) continue;
    const before = problems.length;
    for (const input of inputs) {
      if (sameFile(out.path, input.path)) {
        problems.push(`--${out.flag} ${out.path} is ${input.what} itself: writing it would replace the input. Choose another ${out.folder ? 'folder' : 'file name'}.`);
      } else if (out.folder && input.path.endsWith('.vl.json') && sameFile(dirname(input.path), out.path)) {
        problems.push(`--${out.flag} ${out.path} is the folder of ${input.what} ${input.path}, and chart specs (*.vl.json) written there could replace it. Choose another folder.`);
      }
    }
    if (problems.length > before) continue; // one message per mistake: the input is not also "not a folder"
    const blocker = fileInTheWay(out.folder ? out.path : dirname(out.path));
    if (blocker !== undefined) {
      problems.push(`--${out.flag} ${out.path}: cannot write ${out.folder ? 'into the folder' : 'the file'} (${blocker} is not a folder)`);
    } else if (!out.folder && statOrUndefined(out.path)?.isDirectory()) {
      problems.push(`--${out.flag} ${out.path} is a folder; give the name of a file to write`);
    }
  }
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      const [a, b] = [given[i] as Output & { path: string }, given[j] as Output & { path: string }];
      if (!a.folder && !b.folder && sameFile(a.path, b.path)) {
        problems.push(`--${a.flag} and --${b.flag} both name ${a.path}: the second would replace the first. Give each its own file.`);
      }
    }
  }
}
