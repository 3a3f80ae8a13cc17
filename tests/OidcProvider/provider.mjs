// A real OpenID Connect provider for the Värn tests: panva/oidc-provider on 127.0.0.1.
// Usage: node provider.mjs PORT. Prints "listening" when ready. Clients register themselves through Dynamic Client
// Registration (POST /reg), so each test host can register its own redirect address. The sign-in page accepts any
// login with any password: the login is the account's e-mail address, its subject is pairwise (opaque per client),
// as with Entra ID. Consent is given for the requested scopes, as for a city's own applications.
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node provider.mjs PORT');
  process.exit(2);
}

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  cookies: { keys: ['varn-test-only-cookie-key'] },
  features: {
    registration: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    devInteractions: { enabled: true },
  },
  subjectTypes: ['public', 'pairwise'],
  pairwiseIdentifier: async (ctx, accountId, client) =>
    (await import('node:crypto')).createHash('sha256').update(`${client.sectorIdentifier}|${accountId}|varn-test-salt`).digest('hex').slice(0, 32),
  // Every code request must carry a PKCE challenge: a client without PKCE cannot sign anyone in here.
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(ctx, id) {
    const local = id.split('@')[0] ?? id;
    const name = local.split(/[._-]/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join(' ');
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: name || id };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log('listening'));
