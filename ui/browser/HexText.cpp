#include "HexText.h"

#include <QCoreApplication>
#include <QLocale>

namespace tw::ui {

QString hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    const qsizetype shown = std::min(bytes.size(), maxBytes);
    QString out;
    out.reserve(shown / 16 * 80 + 80);
    for (qsizetype line = 0; line < shown; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (line + i < shown) {
                const auto byte = static_cast<unsigned char>(bytes.at(line + i));
                out += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char('|') + ascii + QLatin1String("|\n");
    }
    if (bytes.size() > shown)
        out += QCoreApplication::translate("tw::ui::HexText", "… %1 more bytes not shown (save to a file to see them)\n")
                   .arg(QLocale().toString(bytes.size() - shown));
    return out;
}

QString hexPreview(const QByteArray &bytes, int maxBytes)
{
    QString hex = QString::fromLatin1(bytes.left(maxBytes).toHex());
    if (bytes.size() > maxBytes)
        hex += QChar(0x2026);
    return QCoreApplication::translate("tw::ui::HexText", "x'%1' (%n byte(s))", nullptr, int(bytes.size())).arg(hex);
}

} // namespace tw::ui
