#include "TextDiff.h"

#include <QStringList>

#include <vector>

namespace tw::migrate {

namespace {

QStringList linesOf(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.isEmpty() ? QStringList{} : text.split(u'\n');
}

} // namespace

QList<DiffLine> lineDiff(const QString &before, const QString &after)
{
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    QList<DiffLine> out;
    // Common head and tail first: edits are usually local, and it keeps the table small.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    for (qsizetype i = 0; i < head; ++i)
        out << DiffLine{DiffLine::Kind::Same, a.at(i)};
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    if (n * m > 4'000'000) {
        for (qsizetype i = 0; i < n; ++i)
            out << DiffLine{DiffLine::Kind::Removed, a.at(head + i)};
        for (qsizetype j = 0; j < m; ++j)
            out << DiffLine{DiffLine::Kind::Added, b.at(head + j)};
    } else {
        // lcs[i][j]: common lines of a[head+i..] and b[head+j..].
        std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                lcs[size_t(i)][size_t(j)] = a.at(head + i) == b.at(head + j)
                                                ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.at(head + i) == b.at(head + j)) {
                out << DiffLine{DiffLine::Kind::Same, a.at(head + i)};
                ++i;
                ++j;
            } else if (i < n && (j == m || lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)])) {
                // Removals before additions on a tie: old line, then its replacement.
                out << DiffLine{DiffLine::Kind::Removed, a.at(head + i)};
                ++i;
            } else {
                out << DiffLine{DiffLine::Kind::Added, b.at(head + j)};
                ++j;
            }
        }
    }
    for (qsizetype k = a.size() - tail; k < a.size(); ++k)
        out << DiffLine{DiffLine::Kind::Same, a.at(k)};
    return out;
}

QString unifiedText(const QList<DiffLine> &diff)
{
    QString out;
    for (const DiffLine &line : diff) {
        out += line.kind == DiffLine::Kind::Same ? QStringLiteral("  ")
               : line.kind == DiffLine::Kind::Removed ? QStringLiteral("- ")
                                                       : QStringLiteral("+ ");
        out += line.text + u'\n';
    }
    return out;
}

} // namespace tw::migrate
