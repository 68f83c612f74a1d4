#include "ErrorText.h"

#include <QStringList>

namespace tw::ui {

namespace {

QStringList detailLines(const Error &error)
{
    QStringList lines;
    if (!error.message().isEmpty())
        lines << ErrorText::tr("Details: %1").arg(error.message());
    if (!error.hint().isEmpty())
        lines << ErrorText::tr("Hint: %1").arg(error.hint());
    return lines;
}

} // namespace

QString ErrorText::plain(const Error &error)
{
    return (QStringList{userText(error)} + detailLines(error)).join(QLatin1Char('\n'));
}

QString ErrorText::html(const Error &error)
{
    QString text = QStringLiteral("<b>%1</b>").arg(userText(error).toHtmlEscaped());
    for (const QString &line : detailLines(error))
        text += QStringLiteral("<br>") + line.toHtmlEscaped();
    return text;
}

QString ErrorText::asSqlComment(const Error &error)
{
    QStringList lines;
    for (const QString &line : plain(error).split(QLatin1Char('\n')))
        lines << QStringLiteral("-- ") + line;
    return lines.join(QLatin1Char('\n'));
}

} // namespace tw::ui
