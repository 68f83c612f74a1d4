// Starts Platformatic DB (the Node auto-REST peer of bench/rest) on the bench
// table, with JWT validation against the OIDC issuer's JWKS (discovered from
// the token's iss) and a pool of the same size as the other servers'.
//
//   node platformatic.mjs   (environment: DATABASE_URL, PORT, POOL, ISSUER, AUDIENCE)
//
// Prints "listening <url>" once it accepts requests.
import { create } from '@platformatic/db'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const env = (name) => {
  const value = process.env[name]
  if (!value) {
    process.stderr.write(`platformatic.mjs: ${name} is required\n`)
    process.exit(2)
  }
  return value
}

const root = mkdtempSync(join(tmpdir(), 'tw-bench-platformatic-'))
process.on('exit', () => rmSync(root, { recursive: true, force: true }))
const config = {
  $schema: 'https://schemas.platformatic.dev/@platformatic/db/3.0.0.json',
  server: { hostname: '127.0.0.1', port: Number(env('PORT')), logger: { level: 'error' } },
  db: {
    connectionString: env('DATABASE_URL'),
    poolSize: Number(env('POOL')),
    graphql: false,
    openapi: true,
    ignore: {},
    // No schema lock: the table is read from the catalog at start.
    schemalock: false
  },
  authorization: {
    // The token's "roles" claim (an array) gives the role the rules name.
    rolePath: 'roles',
    jwt: {
      jwks: { providerDiscovery: true, allowedDomains: [env('ISSUER')] },
      verify: { allowedAud: env('AUDIENCE') }
    },
    rules: [{ role: 'bench', entity: 'item', find: true, save: true, delete: false }]
  },
  watch: false
}

const app = await create(root, config)
await app.init()
await app.start({ listen: true })
process.stdout.write(`listening http://127.0.0.1:${env('PORT')}\n`)

const stop = async () => {
  await app.stop()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
