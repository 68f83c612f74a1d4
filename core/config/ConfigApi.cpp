#include "ConfigApi.h"

#include "ConfigPolicy.h"
#include "ConfigYaml.h"
#include "ListenAddress.h"

#include <QUrl>

namespace tw::config::yamlcheck {

namespace {

const QStringList &knownAlgorithms()
{
    // Asymmetric only (RFC 8725 §3.1): an HMAC secret shared with the issuer
    // would let anyone holding it mint tokens, and "none" signs nothing.
    static const QStringList algorithms{QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"),
                                        QStringLiteral("EdDSA")};
    return algorithms;
}

void readOidc(const YAML::Node &node, const QString &at, OidcSettings &oidc)
{
    if (node.IsNull())
        return;
    const auto keys = entries(node, at, {"issuer", "audience", "roles_claim", "algorithms", "leeway_seconds",
                                         "token_types"});
    auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
    auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };
    if (has("audience") && !has("issuer"))
        fail(child(at, "issuer"), QStringLiteral("missing issuer URL (required with an audience)"), node);
    if (has("issuer")) {
        oidc.issuer = text(get("issuer"), child(at, "issuer"));
        const QUrl issuer(oidc.issuer, QUrl::StrictMode);
        if (!issuer.isValid() || issuer.host().isEmpty()
            || (issuer.scheme() != QLatin1String("https") && issuer.scheme() != QLatin1String("http"))) {
            fail(child(at, "issuer"), QStringLiteral("must be an http(s) URL"), get("issuer"));
        }
        // RFC 9068: an access token must be checked against our audience.
        if (!has("audience"))
            fail(child(at, "audience"), QStringLiteral("missing audience (required with an issuer)"), node);
        oidc.audience = text(get("audience"), child(at, "audience"));
    }
    if (has("roles_claim"))
        oidc.rolesClaim = text(get("roles_claim"), child(at, "roles_claim"));
    if (has("algorithms")) {
        const QString field = child(at, "algorithms");
        oidc.algorithms = textList(get("algorithms"), field);
        if (oidc.algorithms.isEmpty())
            fail(field, QStringLiteral("must name at least one algorithm"), get("algorithms"));
        for (qsizetype i = 0; i < oidc.algorithms.size(); ++i) {
            if (!knownAlgorithms().contains(oidc.algorithms.at(i)))
                fail(QStringLiteral("%1[%2]").arg(field).arg(i),
                     QStringLiteral("unsupported algorithm '%1' (one of: %2)")
                         .arg(oidc.algorithms.at(i), knownAlgorithms().join(QStringLiteral(", "))),
                     get("algorithms")[std::size_t(i)]);
        }
    }
    if (has("leeway_seconds"))
        oidc.leewaySeconds = integer(get("leeway_seconds"), child(at, "leeway_seconds"), 0, 60);
    if (has("token_types")) {
        oidc.tokenTypes = textList(get("token_types"), child(at, "token_types"));
        if (oidc.tokenTypes.isEmpty())
            fail(child(at, "token_types"), QStringLiteral("must name at least one type, e.g. at+jwt"),
                 get("token_types"));
    }
}

void readLimits(const YAML::Node &node, const QString &at, ApiLimits &limits)
{
    if (node.IsNull())
        return;
    const auto keys = entries(node, at, {"requests_per_second", "burst", "max_concurrent", "max_body_bytes",
                                         "max_header_bytes", "max_url_bytes", "max_page_rows", "max_filter_terms",
                                         "statement_timeout_ms"});
    const auto read = [&](const char *key, int &value, int min, int max) {
        if (keys.contains(QLatin1String(key)))
            value = integer(keys.value(QLatin1String(key)), child(at, key), min, max);
    };
    read("requests_per_second", limits.requestsPerSecond, 1, 1000000);
    read("burst", limits.burst, 1, 1000000);
    read("max_concurrent", limits.maxConcurrent, 1, 10000);
    read("max_body_bytes", limits.maxBodyBytes, 1, 1 << 30);
    // Qt 6.4's parser gives up on a field of about 100 KiB or more: stay well below.
    read("max_header_bytes", limits.maxHeaderBytes, 1024, 65536);
    read("max_url_bytes", limits.maxUrlBytes, 256, 1 << 20);
    read("max_page_rows", limits.maxPageRows, 1, 1000000);
    read("max_filter_terms", limits.maxFilterTerms, 1, 10000);
    read("statement_timeout_ms", limits.statementTimeoutMs, 100, 3600000);
}

} // namespace

ApiSettings apiSettings(const YAML::Node &node, const QString &at, const PathReader &path)
{
    ApiSettings api;
    if (node.IsNull())
        return api;
    const auto keys = entries(node, at, {"listen", "tls", "oidc", "policy", "limits", "audit_log", "metrics_public",
                                         "shutdown_grace_seconds"});
    auto has = [&](const char *key) { return keys.contains(QLatin1String(key)); };
    auto get = [&](const char *key) { return keys.value(QLatin1String(key)); };

    if (has("listen")) {
        QString why;
        const auto listen = parseListenAddress(text(get("listen"), child(at, "listen")), &why);
        if (!listen)
            fail(child(at, "listen"), why, get("listen"));
        api.listenAddress = listen->host;
        api.port = listen->port;
    }
    if (has("tls") && !get("tls").IsNull()) {
        const QString tat = child(at, "tls");
        const auto tls = entries(get("tls"), tat, {"certificate", "key"});
        if (!tls.contains(QStringLiteral("certificate")) || !tls.contains(QStringLiteral("key"))) {
            const char *missing = tls.contains(QStringLiteral("certificate")) ? "key" : "certificate";
            fail(child(tat, missing), QStringLiteral("certificate and key must be given together"), get("tls"));
        }
        api.tlsCertificate = path(tls.value(QStringLiteral("certificate")), child(tat, "certificate"));
        api.tlsKey = path(tls.value(QStringLiteral("key")), child(tat, "key"));
    }
    if (has("oidc"))
        readOidc(get("oidc"), child(at, "oidc"), api.oidc);
    if (has("policy"))
        api.policy = policyRules(get("policy"), child(at, "policy"));
    if (has("limits"))
        readLimits(get("limits"), child(at, "limits"), api.limits);
    if (has("audit_log"))
        api.auditLog = path(get("audit_log"), child(at, "audit_log"));
    if (has("metrics_public"))
        api.metricsPublic = boolean(get("metrics_public"), child(at, "metrics_public"));
    if (has("shutdown_grace_seconds"))
        api.shutdownGraceSeconds = integer(get("shutdown_grace_seconds"), child(at, "shutdown_grace_seconds"), 0, 3600);
    return api;
}

} // namespace tw::config::yamlcheck
