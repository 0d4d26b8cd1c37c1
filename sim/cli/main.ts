/** Process entry of the `retrograde` command (see bin/retrograde.js). */
import { hideBin } from 'yargs/helpers';
import { main } from './app.ts';

// `retrograde validate ... | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(hideBin(process.argv));
