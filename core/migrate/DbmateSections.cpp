#include "DbmateSections.h"

#include <QByteArrayMatcher>

#include <cstring>

namespace tw::migrate {

namespace {

bool isLineSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

bool isWordByte(char c)
{
    // Bytes of a non-ASCII character count as a word: "migrate:upé" is no marker.
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

struct Marker
{
    bool up = false;
    qsizetype lineStart = 0;
    qsizetype lineEnd = 0; // the newline's offset, or the text's end
    bool noTransaction = false;
};

// The marker on the line [start, end), if it is one.
std::optional<Marker> markerAt(QByteArrayView text, qsizetype start, qsizetype end)
{
    qsizetype i = start;
    if (end - i < 2 || text[i] != '-' || text[i + 1] != '-')
        return std::nullopt;
    i += 2;
    while (i < end && isLineSpace(text[i]))
        ++i;
    constexpr QByteArrayView prefix("migrate:");
    if (end - i < prefix.size() || text.sliced(i, prefix.size()) != prefix)
        return std::nullopt;
    i += prefix.size();
    Marker marker;
    if (end - i >= 2 && text.sliced(i, 2) == QByteArrayView("up")) {
        marker.up = true;
        i += 2;
    } else if (end - i >= 4 && text.sliced(i, 4) == QByteArrayView("down")) {
        i += 4;
    } else {
        return std::nullopt;
    }
    if (i < end && isWordByte(text[i]))
        return std::nullopt;
    marker.lineStart = start;
    marker.lineEnd = end;
    marker.noTransaction = text.sliced(i, end - i).indexOf(QByteArrayView("transaction:false")) >= 0;
    return marker;
}

} // namespace

std::optional<DbmateSections> findDbmateSections(QByteArrayView text)
{
    std::optional<DbmateSection> up;
    std::optional<DbmateSection> down;
    std::optional<DbmateSection> *open = nullptr; // the section the last marker began
    int line = 1;
    qsizetype start = 0;
    while (start <= text.size()) {
        const void *newline = std::memchr(text.data() + start, '\n', size_t(text.size() - start));
        const qsizetype end = newline ? static_cast<const char *>(newline) - text.data() : text.size();
        if (const auto marker = markerAt(text, start, end)) {
            if (open && *open)
                (*open)->end = start;
            open = marker->up ? &up : &down;
            *open = DbmateSection{end, text.size(), line, marker->noTransaction};
        }
        if (!newline)
            break;
        start = end + 1;
        ++line;
    }
    if (!up)
        return std::nullopt;
    return DbmateSections{*up, down};
}

} // namespace tw::migrate
