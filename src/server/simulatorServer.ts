// Entry of `npm run simulator -- --port P`: the offline simulator as an OpenAI-compatible server.
import { runSimulatorServer } from './simulatorCli';

try {
  const server = await runSimulatorServer(process.argv.slice(2));
  if (server) {
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  console.error('Try: npm run simulator -- --help');
  process.exit(2);
}
