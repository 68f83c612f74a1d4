#include "Redactor.h"

#include <QRegularExpression>

#include <functional>

namespace tw::log {

namespace {

using Rewrite = std::function<QString(const QRegularExpressionMatch &)>;

void replaceAll(QString &text, const QRegularExpression &re, const Rewrite &rewrite)
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    if (!it.hasNext())
        return;
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += rewrite(m);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    text = std::move(out);
}

const QString kStars = QString::fromUtf16(kRedacted);

// Patterns are written with two placeholders:
//   {KEY}    a key that names a secret: …password, …passwd, …pwd, …secret,
//            …token (db_password, PGPASSWORD, client_secret, access_token)
//   {QUOTED} a quoted value: '…', "…" or JSON-escaped \"…\"
QRegularExpression pattern(const char *text)
{
    QString p = QString::fromLatin1(text);
    p.replace(QLatin1String("{KEY}"), QLatin1String(R"re([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token))re"));
    p.replace(QLatin1String("{QUOTED}"),
              QLatin1String(R"re((?:\\"(?:[^\\]|\\(?!"))*\\"|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))re"));
    QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption);
    // No qWarning here: redact() runs inside the log handler.
    Q_ASSERT_X(re.isValid(), "redact", qPrintable(re.errorString()));
    return re;
}

// Whether no pattern below can match: each needs one of these words (case-
// insensitively) — a {KEY} ends in password/passwd/pwd/secret/token. Only
// for ASCII text: PCRE2's caseless UTF matching also folds characters like
// U+017F (ſ) to 's', which a byte comparison would miss. Most log lines (a
// request line per request on a busy server) take this exit instead of seven
// regular expression scans.
bool cannotHoldSecret(const QString &text)
{
    static constexpr QLatin1String kNeedles[] = {
        QLatin1String("://"),    QLatin1String("authorization"), QLatin1String("bearer"),
        QLatin1String("eyj"),    QLatin1String("passw"),         QLatin1String("pwd"),
        QLatin1String("secret"), QLatin1String("token"),
    };
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    for (const QLatin1String needle : kNeedles) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace

QString redact(QString text)
{
    if (cannotHoldSecret(text))
        return text;
    // Patterns that start with a character class begin with a lookbehind, so a
    // long run of word characters (a base64 blob) is scanned once, not once per
    // starting position.

    // scheme://user:secret@host — the password may not contain / ? # @ unescaped.
    static const auto urlUserInfo = pattern(R"re((?<![a-z0-9+.-])([a-z][a-z0-9+.-]*://[^\s:/?#@]*):([^\s/?#@]*)@)re");
    replaceAll(text, urlUserInfo, [](const auto &m) { return m.captured(1) + QLatin1Char(':') + kStars + QLatin1Char('@'); });

    // Authorization: <scheme> <credentials>, as a header or a JSON/YAML field.
    static const auto authorization = pattern(R"re((authorization\\?["']?\s*[:=]\s*\\?["']?)(?:(bearer|basic|digest|negotiate|token)\s+)?[^\s"'\\,;]+)re");
    replaceAll(text, authorization, [](const auto &m) {
        const QString scheme = m.captured(2);
        return m.captured(1) + (scheme.isEmpty() ? QString() : scheme + QLatin1Char(' ')) + kStars;
    });
    static const auto bearer = pattern(R"re(\b(bearer)\s+(?!\*\*\*)[A-Za-z0-9._~+/-]+=*)re");
    replaceAll(text, bearer, [](const auto &m) { return m.captured(1) + QLatin1Char(' ') + kStars; });

    // Bare JWT / JWS (3 segments) or JWE (5); the signature may be empty (alg=none).
    static const auto jwt = pattern(R"re(\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?)re");
    replaceAll(text, jwt, [](const auto &) { return kStars; });

    // ?token=…&access_token=… : the value ends at the next parameter.
    static const auto queryParam = pattern(R"re(([?&]{KEY}=)[^&#\s"']*)re");
    replaceAll(text, queryParam, [](const auto &m) { return m.captured(1) + kStars; });

    // key=value (libpq conninfo, env dumps, form bodies): quoted, or up to whitespace.
    static const auto keyEquals = pattern(R"re((?<![?&A-Za-z0-9_.-])({KEY}\s*=\s*)(?:{QUOTED}|[^\s]+))re");
    replaceAll(text, keyEquals, [](const auto &m) { return m.captured(1) + kStars; });

    // key: value and "key": "value" (JSON, YAML, log prose): quoted value kept
    // quoted; an unquoted one is hidden to the end of the line.
    static const auto keyColon = pattern(R"re((?<![A-Za-z0-9_.-])((?:\\?["'])?{KEY}(?:\\?["'])?\s*:\s*)(?:({QUOTED})|[^\r\n]+))re");
    replaceAll(text, keyColon, [](const auto &m) {
        const QString quoted = m.captured(2);
        if (quoted.isEmpty())
            return m.captured(1) + kStars;
        const qsizetype open = quoted.startsWith(QLatin1Char('\\')) ? 2 : 1;
        return m.captured(1) + quoted.left(open) + kStars + quoted.right(open);
    });
    return text;
}

} // namespace tw::log
