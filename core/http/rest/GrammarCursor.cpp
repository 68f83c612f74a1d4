#include "GrammarCursor.h"

#include "RestError.h"

namespace tw::http::rest {

QChar GrammarCursor::peek(qsizetype ahead) const
{
    const qsizetype at = m_pos + ahead;
    return at < m_text.size() ? m_text.at(at) : QChar();
}

bool GrammarCursor::accept(QChar c)
{
    if (atEnd() || m_text.at(m_pos) != c)
        return false;
    ++m_pos;
    return true;
}

bool GrammarCursor::accept(QStringView s)
{
    if (!lookingAt(s))
        return false;
    m_pos += s.size();
    return true;
}

void GrammarCursor::skipSpaces()
{
    while (!atEnd() && (m_text.at(m_pos) == u' ' || m_text.at(m_pos) == u'\t'))
        ++m_pos;
}

QString GrammarCursor::takeUntil(QStringView stops)
{
    const qsizetype start = m_pos;
    while (!atEnd() && !stops.contains(m_text.at(m_pos)))
        ++m_pos;
    return m_text.mid(start, m_pos - start).toString();
}

int GrammarCursor::identifierCharAt(qsizetype at) const
{
    if (at >= m_text.size())
        return 0;
    const QChar c = m_text.at(at);
    if (c == u'_' || c == u'$' || c == u' ')
        return 1;
    if (c.isHighSurrogate() && at + 1 < m_text.size() && m_text.at(at + 1).isLowSurrogate())
        return QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, m_text.at(at + 1))) ? 2 : 0;
    return c.isLetterOrNumber() ? 1 : 0;
}

std::optional<QString> GrammarCursor::quoted()
{
    if (!accept(u'"')) {
        fail(QStringLiteral("\"\\\"\""));
        return std::nullopt;
    }
    QString out;
    while (!atEnd()) {
        const QChar c = m_text.at(m_pos++);
        if (c == u'"')
            return out;
        if (c == u'\\') {
            if (atEnd())
                break;
            out.append(m_text.at(m_pos++));
        } else {
            out.append(c);
        }
    }
    fail(QStringLiteral("closing double quote"));
    return std::nullopt;
}

std::optional<QString> GrammarCursor::fieldName()
{
    skipSpaces();
    if (peek() == u'"') {
        const qsizetype start = m_pos;
        auto name = quoted();
        if (name && name->isEmpty()) {
            m_pos = start;
            fail(QStringLiteral("a non-empty quoted name"));
            return std::nullopt;
        }
        return name;
    }
    const qsizetype start = m_pos;
    while (true) {
        const int width = identifierCharAt(m_pos);
        if (width > 0) {
            m_pos += width;
            continue;
        }
        // One dash between identifier characters (a-b), never the start of ->.
        if (peek() == u'-' && m_pos > start && identifierCharAt(m_pos + 1) > 0) {
            ++m_pos;
            continue;
        }
        break;
    }
    const QString name = m_text.mid(start, m_pos - start).trimmed().toString();
    if (name.isEmpty()) {
        fail(QStringLiteral("column name (letters, digits, _, $ or a \"quoted name\")"));
        return std::nullopt;
    }
    return name;
}

std::optional<QList<JsonStep>> GrammarCursor::jsonPath()
{
    QList<JsonStep> steps;
    while (lookingAt(u"->")) {
        JsonStep step;
        step.asText = accept(u"->>");
        if (!step.asText)
            accept(u"->");
        const qsizetype start = m_pos;
        accept(u'-');
        while (!atEnd() && peek().isDigit() && peek().unicode() < 128)
            ++m_pos;
        const bool negative = start < m_text.size() && m_text.at(start) == u'-';
        const bool digits = m_pos > start + (negative ? 1 : 0);
        const bool ends = atEnd() || lookingAt(u"->") || lookingAt(u"::") || peek() == u'.'
                          || peek() == u',' || peek() == u')' || peek() == u' ';
        if (digits && ends) {
            step.isIndex = true;
            step.key = m_text.mid(start, m_pos - start).toString();
        } else {
            m_pos = start;
            auto key = fieldName();
            if (!key)
                return std::nullopt;
            step.key = *key;
        }
        steps.append(step);
    }
    return steps;
}

std::optional<Field> GrammarCursor::field()
{
    auto name = fieldName();
    if (!name)
        return std::nullopt;
    auto path = jsonPath();
    if (!path)
        return std::nullopt;
    skipSpaces();
    return Field{*name, *path};
}

std::optional<QString> GrammarCursor::typeName()
{
    const qsizetype start = m_pos;
    while (!atEnd()) {
        const QChar c = peek();
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u' '))
            break;
        ++m_pos;
    }
    const QString type = m_text.mid(start, m_pos - start).trimmed().toString();
    if (type.isEmpty()) {
        m_pos = start;
        fail(QStringLiteral("type name"));
        return std::nullopt;
    }
    return type;
}

bool GrammarCursor::fail(const QString &expecting)
{
    if (!m_failed) {
        m_failed = true;
        m_failPos = m_pos;
        m_expecting = expecting;
    }
    return false;
}

bool GrammarCursor::failWith(const QString &details)
{
    if (!m_failed) {
        m_failed = true;
        m_failPos = m_pos;
        m_details = details;
    }
    return false;
}

bool GrammarCursor::unsupported(const QString &what, const QString &hint)
{
    if (!m_failed) {
        m_failed = true;
        m_failPos = m_pos;
        m_unsupported = what;
        m_unsupportedHint = hint;
    }
    return false;
}

QString GrammarCursor::details() const
{
    if (!m_details.isEmpty())
        return QStringLiteral("%1 (column %2)").arg(m_details).arg(m_failPos + 1);
    QString unexpected;
    if (m_failPos >= m_text.size()) {
        unexpected = QStringLiteral("unexpected end of input");
    } else {
        qsizetype width = m_text.at(m_failPos).isHighSurrogate() ? 2 : 1;
        unexpected = QStringLiteral("unexpected \"%1\"").arg(m_text.mid(m_failPos, width).toString());
    }
    return QStringLiteral("%1 expecting %2 (column %3)").arg(unexpected, m_expecting).arg(m_failPos + 1);
}

Error cursorError(const GrammarCursor &cursor, const QString &context)
{
    if (cursor.isUnsupported())
        return restError(kNotSupported, QStringLiteral("%1 is not supported").arg(cursor.unsupportedWhat()),
                         QStringLiteral("in the %1").arg(context), cursor.unsupportedHint());
    return restError(kBadQuery, QStringLiteral("failed to parse %1").arg(context), cursor.details());
}

QString describeParam(const QString &name, const QString &text)
{
    constexpr qsizetype kShown = 200;
    const QString shown = text.size() > kShown ? text.left(kShown) + QStringLiteral("…") : text;
    return QStringLiteral("%1 (%2)").arg(name, shown);
}

} // namespace tw::http::rest
