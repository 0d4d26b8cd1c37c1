/** Process entry of the `retrograde` command (see bin/retrograde.js). */
import { hideBin } from 'yargs/helpers';
import { main } from './app.ts';

process.exitCode = await main(hideBin(process.argv));
