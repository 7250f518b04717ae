/**
 * The direction of the house's arrows (docs/architecture.md), checked by test/architecture/dependencies.test.ts on
 * every `npm test` and by `npx depcruise connector emulator` by hand. Type-only imports count: a cycle of types is
 * still a cycle.
 *
 * The core, lowest first; a room may import the rooms below it, never one above:
 *   common/ (JSON pointers, the base-URL policy, package paths: import nothing of ours)
 *   errors/ → schema/ → transport/, expressions/ → runtime/ → connector.ts, manifest/ → index.ts (the main entry)
 * Hosts (cli, sms, flows, n8n, make, playground) sit on top: they use the core; the core never imports one.
 */
const CORE_LEVELS = [
  ['common', '^connector/common/|^connector/paths\\.ts$'],
  ['errors', '^connector/errors/'],
  ['schema', '^connector/schema/'],
  ['transport', '^connector/transport/'],
  ['expressions', '^connector/expressions/'],
  ['runtime', '^connector/runtime/'],
  ['connector', '^connector/connector\\.ts$|^connector/manifest/'],
  ['entry', '^connector/index\\.ts$'],
];
/** Rooms on one level that must not import each other either. */
const SIDE_BY_SIDE = [['transport', 'expressions']];

const HOSTS = '^connector/(cli|sms|flows|n8n|make|playground)/';
const CORE = CORE_LEVELS.map(([, path]) => `(${path})`).join('|');

const levelRules = CORE_LEVELS.slice(0, -1).map(([name, path], index) => ({
  name: `${name}-imports-only-below`,
  comment: `${name} may import only the rooms below it (${CORE_LEVELS.slice(0, index).map(([n]) => n).join(', ') || 'none of ours'}).`,
  severity: 'error',
  from: { path },
  to: { path: CORE_LEVELS.slice(index + 1).map(([, p]) => `(${p})`).join('|') },
}));

const sideRules = SIDE_BY_SIDE.flatMap(([a, b]) => {
  const pathOf = (name) => CORE_LEVELS.find(([n]) => n === name)[1];
  return [
    { name: `${a}-not-${b}`, comment: `${a} and ${b} stand side by side: neither imports the other.`, severity: 'error', from: { path: pathOf(a) }, to: { path: pathOf(b) } },
    { name: `${b}-not-${a}`, comment: `${a} and ${b} stand side by side: neither imports the other.`, severity: 'error', from: { path: pathOf(b) }, to: { path: pathOf(a) } },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No import cycle, not even through type-only imports: a small interface in the lower room breaks one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-never-imports-a-host',
      comment: 'Hosts use the core; the core knows no host.',
      severity: 'error',
      from: { path: CORE },
      to: { path: HOSTS },
    },
    {
      name: 'main-entry-reaches-no-host',
      comment: 'Importing the package loads no host (flows, sms, cli, …), not even through another file.',
      severity: 'error',
      from: { path: '^connector/index\\.ts$' },
      to: { path: HOSTS, reachable: true },
    },
    {
      name: 'common-imports-nothing-of-ours',
      comment: 'common/ holds neutral helpers every room may use: they import no other room and no package.',
      severity: 'error',
      from: { path: '^connector/common/' },
      to: { pathNot: '^connector/common/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'emulator-stands-alone',
      comment: 'The emulator imports nothing from connector/: it plays Twilio, not us.',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^connector/' },
    },
    {
      name: 'core-never-imports-the-emulator',
      comment: 'The emulator is a host-side tool; the core talks to it only through a base URL.',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^emulator/' },
    },
    {
      name: 'only-the-cli-imports-the-cli',
      comment: 'The CLI is the outermost host: no other room imports it.',
      severity: 'error',
      from: { path: '^connector/', pathNot: '^connector/cli/' },
      to: { path: '^connector/cli/' },
    },
    ...levelRules,
    ...sideRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

// The rooms themselves, for the test that docs/architecture.md lists what these rules enforce. Not enumerable:
// dependency-cruiser's config schema allows no key of its own.
Object.defineProperty(module.exports, 'rooms', { value: { levels: CORE_LEVELS, sideBySide: SIDE_BY_SIDE, hosts: HOSTS }, enumerable: false });
