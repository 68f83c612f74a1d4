#pragma once

#include <QByteArray>
#include <QString>

namespace tw::ui {

// "00000010  48 65 6c 6c 6f 20 57 6f  72 6c 64 0a              |Hello World.|"
// lines for a hex view, at most `maxBytes` of `bytes` (a note says how many
// more there are), so a 100 MB blob never becomes a 400 MB string.
QString hexDump(const QByteArray &bytes, qsizetype maxBytes = 64 * 1024);

// Short form for a grid cell: "x'48656c6c6f…' (11 bytes)".
QString hexPreview(const QByteArray &bytes, int maxBytes = 16);

} // namespace tw::ui
