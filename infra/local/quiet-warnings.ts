/**
 * The AWS SDK warns once per process that its 2027 releases will need Node 22. Lambda runs
 * Node 22, and so do the npm scripts on linux-x64 (scripts/node22.js); where they fall back to an
 * older Node (no pinned binary for the platform) the warning is noise in every command's output,
 * so the local tools drop that one warning and print every other warning as Node would.
 */
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.message.startsWith('NodeVersionSupportWarning')) return;
  console.warn(`(node) ${warning.name}: ${warning.message}`);
});
