#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace tw::http::auth {

// RFC 7515 base64url without padding. Decoding is strict where Qt is lenient
// (QByteArray::fromBase64 accepts '=' padding and the '+' '/' alphabet even
// with Base64UrlEncoding): padding, foreign characters, a length of 1 mod 4
// and non-canonical trailing bits all give nullopt, so one token has exactly
// one spelling.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text);
QByteArray encodeBase64Url(QByteArrayView bytes);

} // namespace tw::http::auth
