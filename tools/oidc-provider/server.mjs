// A real OpenID Connect provider (npm oidc-provider) for Tablewright's tests:
// client_credentials clients get RFC 9068 JWT access tokens (typ at+jwt,
// aud = the configured resource) carrying their roles.
//
//   node tools/oidc-provider/server.mjs --config provider.json
//
// provider.json:
//   {
//     "port": 0,                          // 127.0.0.1 only; 0 picks a free port
//     "issuer": "http://127.0.0.1:9400",  // optional, default http://127.0.0.1:<port>
//     "audience": "https://api.tablewright.test",
//     "accessTokenTtl": 300,              // seconds
//     "jwksMaxAge": 300,                  // optional Cache-Control max-age on discovery and JWKS
//     "keys": { "keys": [ <private JWK with kid>, ... ] },
//                                         // the first key signs; all are published. Omitted:
//                                         // one RSA key is generated for this run.
//     "clients": [ { "client_id": "reader", "client_secret": "…",
//                    "roles": ["reader"], "rolesClaim": "roles" } ]
//                                         // rolesClaim: a dotted path ("realm_access.roles",
//                                         // "groups") or "scope" (space-separated string)
//   }
//
// Prints exactly one line "listening <issuer>" on stdout when it accepts
// requests, then one line per request ("request GET /jwks 200") so tests can
// count fetches; paths only, never a query, header, secret or token.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import process from 'node:process';

import Provider, { errors } from 'oidc-provider';

function fail(message) {
  process.stderr.write(`oidc-provider: ${message}\n`);
  process.exit(2);
}

function readConfig() {
  const at = process.argv.indexOf('--config');
  if (at < 0 || !process.argv[at + 1]) fail('usage: server.mjs --config FILE.json');
  try {
    return JSON.parse(readFileSync(process.argv[at + 1], 'utf8'));
  } catch (error) {
    return fail(`cannot read config: ${error.message}`);
  }
}

function generatedKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: `generated-${randomUUID()}` }] };
}

// The JWS algorithm a key signs with: its own "alg" pin, else the one its type implies.
function signingAlgorithm(jwk) {
  if (jwk.alg) return jwk.alg;
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return fail(`first key ${jwk.kid}: no signing algorithm for kty ${jwk.kty} ${jwk.crv ?? ''}`);
}

// {"a.b": [..]} → {a: {b: [..]}}; "scope" is handled by the JWT customizer
// because the provider writes its own (empty) scope over extra claims.
function rolesClaims(client) {
  const roles = client.roles ?? [];
  const path = client.rolesClaim ?? 'roles';
  if (path === 'scope') return {};
  const claims = {};
  const parts = path.split('.');
  let node = claims;
  parts.slice(0, -1).forEach((part) => {
    node[part] = {};
    node = node[part];
  });
  node[parts[parts.length - 1]] = roles;
  return claims;
}

const config = readConfig();
const port = Number(config.port ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('port must be 0..65535');
if (!config.audience) fail('audience is required');
const keys = config.keys?.keys?.length ? config.keys : generatedKeys();
keys.keys.forEach((jwk, index) => {
  if (!jwk.kid) fail(`key ${index} has no kid`);
  if (!jwk.d) fail(`key ${jwk.kid} is not a private key`);
});
const signer = keys.keys[0];
const signAlg = signingAlgorithm(signer);
const ttl = Number(config.accessTokenTtl ?? 300);
const clientsById = new Map((config.clients ?? []).map((client) => [client.client_id, client]));

let handler = (_req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = http.createServer((req, res) => {
  res.on('finish', () => {
    const path = (req.url ?? '').split('?')[0];
    process.stdout.write(`request ${req.method} ${path} ${res.statusCode}\n`);
  });
  handler(req, res);
});
server.on('error', (error) => fail(`listen: ${error.message}`));

server.listen(port, '127.0.0.1', () => {
  const actualPort = server.address().port;
  const issuer = config.issuer ?? `http://127.0.0.1:${actualPort}`;

  const provider = new Provider(issuer, {
    jwks: keys,
    // Silences the provider's start-up warnings; nothing here uses cookies.
    cookies: { keys: [randomUUID()] },
    ttl: { ClientCredentials: ttl },
    clients: (config.clients ?? []).map((client) => ({
      client_id: client.client_id,
      client_secret: client.client_secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => config.audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator !== config.audience) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: config.audience,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: signAlg, kid: signer.kid } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const client = clientsById.get(token.clientId);
      return client ? rolesClaims(client) : undefined;
    },
    formats: {
      customizers: {
        jwt: async (_ctx, token, jwt) => {
          const client = clientsById.get(token.clientId);
          if (client?.rolesClaim === 'scope') jwt.payload.scope = (client.roles ?? []).join(' ');
        },
      },
    },
  });
  if (config.jwksMaxAge !== undefined) {
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.path === '/jwks' || ctx.path === '/.well-known/openid-configuration')
        ctx.set('Cache-Control', `public, max-age=${Number(config.jwksMaxAge)}`);
    });
  }
  // The provider's own server_error detail goes to stderr for whoever debugs a test.
  provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));

  handler = provider.callback();
  process.stdout.write(`listening ${issuer}\n`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections(); // a restart on the same port must not wait for keep-alive clients
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
