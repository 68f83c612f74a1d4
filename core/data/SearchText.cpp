// Text helpers of the database search: LIKE patterns, FTS5 queries,
// snippets and keys (SearchParts.h).
#include "SearchParts.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>

namespace tw::data::detail {

QString likeContainsPattern(const QString &needle)
{
    QString escaped;
    escaped.reserve(needle.size() + 8);
    for (const QChar c : needle) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

QString fts5Query(const QString &needle)
{
    QStringList phrases;
    bool searchable = false;
    for (const QString &word : needle.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        searchable = searchable || std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        QString quoted = word;
        quoted.replace(u'"', QStringLiteral("\"\""));
        phrases << u'"' + quoted + u'"';
    }
    return searchable ? phrases.join(u' ') : QString();
}

namespace {

QString foldWhitespace(QString text)
{
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == u'\v' || c == u'\f')
            c = u' ';
    }
    return text;
}

// Cuts `plain` to about maxChars around the first highlight, with "…" where
// text was dropped, and moves the highlights along.
void finish(SearchHit &hit, QString plain, QList<std::pair<int, int>> ranges, int maxChars)
{
    maxChars = std::max(maxChars, 16);
    if (plain.size() > maxChars) {
        const int first = ranges.isEmpty() ? 0 : ranges.first().first;
        qsizetype start = std::max<qsizetype>(0, first - maxChars / 3);
        start = std::min<qsizetype>(start, plain.size() - maxChars);
        qsizetype end = start + maxChars;
        // Never split a surrogate pair.
        if (start > 0 && plain.at(start).isLowSurrogate())
            ++start;
        if (end < plain.size() && plain.at(end).isLowSurrogate())
            --end;
        const bool head = start > 0;
        const bool tail = end < plain.size();
        QList<std::pair<int, int>> kept;
        for (const auto &[at, length] : std::as_const(ranges)) {
            const qsizetype from = std::max<qsizetype>(at, start);
            const qsizetype to = std::min<qsizetype>(at + length, end);
            if (to > from)
                kept.append({int(from - start + (head ? 1 : 0)), int(to - from)});
        }
        plain = (head ? QStringLiteral("…") : QString()) + plain.mid(start, end - start) + (tail ? QStringLiteral("…") : QString());
        ranges = kept;
    }
    hit.snippet = plain;
    hit.highlights = ranges;
}

} // namespace

void setMarkedSnippet(SearchHit &hit, const QString &marked, int maxChars)
{
    QString plain;
    plain.reserve(marked.size());
    QList<std::pair<int, int>> ranges;
    int openAt = -1;
    for (const QChar c : marked) {
        if (c == kMarkOpen) {
            openAt = int(plain.size());
        } else if (c == kMarkClose) {
            if (openAt >= 0 && plain.size() > openAt)
                ranges.append({openAt, int(plain.size()) - openAt});
            openAt = -1;
        } else {
            plain += c;
        }
    }
    finish(hit, foldWhitespace(plain), ranges, maxChars);
}

void setPlainSnippet(SearchHit &hit, const QString &plain, const QString &needle, int maxChars)
{
    const QString text = foldWhitespace(plain);
    QList<std::pair<int, int>> ranges;
    if (!needle.isEmpty()) {
        for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
            ranges.append({int(at), int(needle.size())});
    }
    finish(hit, text, ranges, maxChars);
}

bool isHidden(const QStringList &hidden, const QString &column)
{
    // Case-insensitive: SQLite's names are, and hiding one column too many
    // is the safe mistake.
    return hidden.contains(column, Qt::CaseInsensitive);
}

QList<const ColumnInfo *> patternColumns(const TableShape &shape, const QStringList &hidden, bool sqlite)
{
    QList<const ColumnInfo *> columns;
    for (const ColumnInfo &column : shape.columns) {
        if (isHidden(hidden, column.name) || column.isArray)
            continue;
        const bool textLike = column.logical == db::LogicalType::Text || column.logical == db::LogicalType::Json
                              || (sqlite && column.nativeType.trimmed().isEmpty());
        if (textLike)
            columns << &column;
    }
    return columns;
}

QJsonObject keyObject(const KeyPlan &plan, const QVariantList &values)
{
    QJsonObject key;
    for (qsizetype i = 0; i < plan.names.size() && i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        key.insert(plan.names.at(i), value.isNull() ? QJsonValue() : QJsonValue::fromVariant(value));
    }
    return key;
}

} // namespace tw::data::detail
