#pragma once

#include "ConnectionProfile.h"

#include <QString>
#include <QStringList>

#include <span>

// Rules shared by the YAML loader and the DATABASE_URL parser, so that a pool
// size or an sslmode is accepted or refused the same way whichever door it
// comes through. Internal to core/config.
namespace tw::config::schema {

inline constexpr int kMinPort = 1;
inline constexpr int kMaxPort = 65535;

const QStringList &sslModes();
bool isValidSslMode(const QString &mode);

// Connection names appear in REST paths (/rest/{connection}/...) and keychain
// keys, so they are restricted to characters that need no escaping.
bool isValidConnectionName(const QString &name);
QString connectionNameRule();

// true/false, yes/no, on/off, 1/0 (case-insensitive).
bool parseBool(const QString &text, bool *out);
// A whole decimal integer in [min, max]; no trailing junk, no fractions.
bool parseInt(const QString &text, int min, int max, int *out);

struct PoolIntField
{
    const char *yamlKey;   // key inside `pool:`
    const char *urlKey;    // DATABASE_URL query parameter
    int PoolSettings::*member;
    int min;
    int max;
};

std::span<const PoolIntField> poolIntFields();
inline constexpr const char *kPrePingYamlKey = "pre_ping";
inline constexpr const char *kPrePingUrlKey = "pre_ping";

QString rangeMessage(int min, int max);

} // namespace tw::config::schema
