#include "TsvText.h"

namespace tw::ui::tsv {

QString field(const QVariant &value)
{
    if (value.isNull())
        return {};
    QString text;
    if (value.typeId() == QMetaType::QByteArray)
        text = QStringLiteral("\\x") + QString::fromLatin1(value.toByteArray().toHex());
    else
        text = value.toString();
    if (text.isEmpty() || text.contains(QLatin1Char('\t')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('"'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString write(const QList<QList<QVariant>> &rows)
{
    QString out;
    for (const auto &row : rows) {
        for (int c = 0; c < row.size(); ++c) {
            if (c > 0)
                out += QLatin1Char('\t');
            out += field(row.at(c));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QList<QList<QVariant>> read(const QString &text)
{
    QList<QList<QVariant>> rows;
    QList<QVariant> row;
    QString current;
    bool quoted = false;     // the field started with a quote
    bool inQuotes = false;
    bool fieldStarted = false;
    auto endField = [&] {
        if (!quoted && current.isEmpty())
            row.append(QVariant());
        else
            row.append(current);
        current.clear();
        quoted = false;
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        rows.append(row);
        row.clear();
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text.at(i);
        if (inQuotes) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    current += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                current += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"') && !fieldStarted) {
            quoted = inQuotes = fieldStarted = true;
        } else if (ch == QLatin1Char('\t')) {
            endField();
        } else if (ch == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
            continue; // the \n ends the row
        } else if (ch == QLatin1Char('\n')) {
            endRow();
        } else {
            current += ch;
            fieldStarted = true;
        }
    }
    if (fieldStarted || quoted || !row.isEmpty())
        endRow();
    return rows;
}

} // namespace tw::ui::tsv
