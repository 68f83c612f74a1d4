#include "StrictJson.h"

#include <QJsonDocument>
#include <QList>
#include <QSet>
#include <QStringDecoder>

namespace tw::http::auth {

namespace {

// A validating pass over the JSON grammar that only remembers what
// QJsonDocument forgets: which keys each object already had, and how deep we
// are. Values are left to QJsonDocument afterwards; both must accept the text.
class Scanner
{
public:
    Scanner(const QByteArray &json, int maxDepth)
        : m_p(json.constData()), m_end(json.constData() + json.size()), m_maxDepth(maxDepth)
    {
    }

    bool run()
    {
        skipSpace();
        if (m_p >= m_end || *m_p != '{')
            return fail(QStringLiteral("not a JSON object"));
        if (!value(0))
            return false;
        skipSpace();
        if (m_p != m_end)
            return fail(QStringLiteral("trailing data after the JSON object"));
        return true;
    }

    const QString &error() const { return m_error; }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool value(int depth)
    {
        skipSpace();
        if (m_p >= m_end)
            return fail(QStringLiteral("unexpected end of JSON"));
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"': {
            QString ignored;
            return string(&ignored);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        if (depth > m_maxDepth)
            return fail(QStringLiteral("JSON nested deeper than %1 levels").arg(m_maxDepth));
        ++m_p; // '{'
        QSet<QString> keys;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_p >= m_end || *m_p != '"')
                return fail(QStringLiteral("expected an object key"));
            QString key;
            if (!string(&key))
                return false;
            if (keys.contains(key))
                return fail(QStringLiteral("duplicate key \"%1\"").arg(printable(key)));
            keys.insert(key);
            skipSpace();
            if (m_p >= m_end || *m_p != ':')
                return fail(QStringLiteral("expected ':' after an object key"));
            ++m_p;
            if (!value(depth))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}' in an object"));
        }
    }

    bool array(int depth)
    {
        if (depth > m_maxDepth)
            return fail(QStringLiteral("JSON nested deeper than %1 levels").arg(m_maxDepth));
        ++m_p; // '['
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!value(depth))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']' in an array"));
        }
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w, ++m_p) {
            if (m_p >= m_end || *m_p != *w)
                return fail(QStringLiteral("invalid JSON literal"));
        }
        return true;
    }

    bool digits()
    {
        const char *start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p > start;
    }

    bool number()
    {
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0')
            ++m_p;
        else if (!digits())
            return fail(QStringLiteral("invalid JSON value"));
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (!digits())
                return fail(QStringLiteral("invalid JSON number"));
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!digits())
                return fail(QStringLiteral("invalid JSON number"));
        }
        return true;
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t *unit)
    {
        if (m_end - m_p < 4)
            return fail(QStringLiteral("invalid \\u escape"));
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(m_p[i]);
            if (h < 0)
                return fail(QStringLiteral("invalid \\u escape"));
            v = v * 16 + h;
        }
        m_p += 4;
        *unit = char16_t(v);
        return true;
    }

    // Reads a string and gives its decoded text, so that "a" and "\u0061"
    // count as the same key, exactly as QJsonDocument will read them.
    bool string(QString *out)
    {
        ++m_p; // '"'
        const char *run = m_p;
        auto flushRun = [&] {
            out->append(QString::fromUtf8(run, m_p - run));
        };
        while (m_p < m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                flushRun();
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail(QStringLiteral("control character in a JSON string"));
            if (c != '\\') {
                ++m_p;
                continue;
            }
            flushRun();
            ++m_p;
            if (m_p >= m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"': out->append(u'"'); break;
            case '\\': out->append(u'\\'); break;
            case '/': out->append(u'/'); break;
            case 'b': out->append(u'\b'); break;
            case 'f': out->append(u'\f'); break;
            case 'n': out->append(u'\n'); break;
            case 'r': out->append(u'\r'); break;
            case 't': out->append(u'\t'); break;
            case 'u': {
                char16_t unit = 0;
                if (!hex4(&unit))
                    return false;
                if (QChar::isHighSurrogate(unit)) {
                    char16_t low = 0;
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        return fail(QStringLiteral("unpaired surrogate in a JSON string"));
                    m_p += 2;
                    if (!hex4(&low))
                        return false;
                    if (!QChar::isLowSurrogate(low))
                        return fail(QStringLiteral("unpaired surrogate in a JSON string"));
                    out->append(QChar(unit));
                    out->append(QChar(low));
                } else if (QChar::isLowSurrogate(unit)) {
                    // A lone surrogate has no character; parsers disagree on
                    // what it becomes, so it could hide a duplicate key.
                    return fail(QStringLiteral("unpaired surrogate in a JSON string"));
                } else {
                    out->append(QChar(unit));
                }
                break;
            }
            default:
                return fail(QStringLiteral("invalid escape in a JSON string"));
            }
            run = m_p;
        }
        return fail(QStringLiteral("unterminated JSON string"));
    }

    static QString printable(const QString &key)
    {
        QString shown;
        for (const QChar c : key) {
            if (shown.size() >= 32) {
                shown.append(QStringLiteral("…"));
                break;
            }
            shown.append(c.isPrint() && c != u'"' && c != u'\\' ? c : QChar(u'?'));
        }
        return shown;
    }

    const char *m_p;
    const char *m_end;
    int m_maxDepth;
    QString m_error;
};

} // namespace

Result<QJsonObject> parseStrictJsonObject(const QByteArray &json, int maxDepth)
{
    // Invalid UTF-8 would be replaced by U+FFFD, so two different byte
    // sequences could become one key after our check: refuse it outright.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(json);
    if (utf8.hasError())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("JSON is not valid UTF-8"));
    Q_UNUSED(decoded);

    Scanner scanner(json, maxDepth);
    if (!scanner.run())
        return Error(ErrorCode::ValidationFailed, scanner.error());

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("invalid JSON"));
    return document.object();
}

} // namespace tw::http::auth
