import './quiet-warnings';
import { join, resolve } from 'node:path';
import { exitIfDataDirInUse } from './data-dir-lock';
import { startPlatform } from './platform';
import { seedDemoInstitution } from './seed';

/**
 * `npm start`: the whole platform on loopback, seeded, data kept under .local/ so a restart
 * keeps it. Ctrl-C stops everything, DynamoDB Local's Java process included.
 */
const dataDir = resolve(process.env.TESSERA_DATA_DIR ?? '.local');
const port = Number(process.env.PORT ?? 4000);

// A second `npm start` on the same data folder is told so, without a stack trace.
const platform = await startPlatform({ port, dataDir, logLevel: 'INFO' }).catch(
  exitIfDataDirInUse(console.error),
);
const seed = await seedDemoInstitution(platform.container, join(dataDir, 'seed.json'), {
  drain: () => platform.drain(),
});

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Tessera…`);
  void platform.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

console.log(
  `Tessera ready at ${platform.url} (GraphQL ${platform.url}/graphql, demo institution ${seed.institutionId})`,
);
