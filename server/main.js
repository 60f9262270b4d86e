// Command line: `node server/main.js --port 4010 [--host 127.0.0.1] [--seed 42] [--hmac-mandatory]
// [--static DIR …] [--state FILE]`. Prints the info JSON as the first stdout line, runs until SIGINT/SIGTERM.
import { startStandIn } from './index.js';

const USAGE = 'usage: server/main.js [--port N] [--host ADDRESS] [--seed S] [--hmac-mandatory] [--static DIR]... [--state FILE]';

/** @param {string[]} args */
export function parseArguments(args) {
  /** @type {import('./index.js').StandInOptions & { staticDirs: string[] }} */
  const options = { staticDirs: [] };
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = args[index].split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      index += 1;
      if (args[index] === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return args[index];
    };
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--seed') options.seed = value();
    else if (flag === '--hmac-mandatory') options.hmacMandatory = true;
    else if (flag === '--static') options.staticDirs.push(value());
    else if (flag === '--state') options.stateFile = value();
    else throw new Error(`unknown argument ${args[index]}\n${USAGE}`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port < 65536)) {
    throw new Error(`--port must be 0..65535\n${USAGE}`);
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
    process.exit(2);
  }
  let standIn;
  try {
    standIn = await startStandIn(options);
  } catch (error) {
    process.stderr.write(`stand-in: ${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await standIn.close();
    process.exit(0);
  };
  // handlers first: whoever reads the line may signal at once
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify(standIn.info)}\n`);
}

await main();
