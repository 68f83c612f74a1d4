#pragma once

// Reading yaml-cpp nodes with validation, for the config parser. Every check
// that fails throws Invalid naming the field path; parseConfig() turns that
// into an Error. Internal to core/config.

#include <QHash>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <initializer_list>

namespace tw::config::yamlcheck {

struct Invalid
{
    QString field;
    QString message;
    int line = -1;   // 1-based, -1 when unknown
};

// "connections[0]" + "port" → "connections[0].port"
QString child(const QString &path, const char *key);

[[noreturn]] void fail(const QString &field, const QString &message, const YAML::Node &at);

// Refuses password / passwd / secret / client_secret keys anywhere below node.
void refuseSecrets(const YAML::Node &node, const QString &path);

// The entries of a mapping, refusing unknown and repeated keys.
QHash<QString, YAML::Node> entries(const YAML::Node &node, const QString &path,
                                   std::initializer_list<const char *> allowed);

QString text(const YAML::Node &node, const QString &field, bool allowEmpty = false);
int integer(const YAML::Node &node, const QString &field, int min, int max);
bool boolean(const YAML::Node &node, const QString &field);
// A list of strings; an item that is not one is named by its index.
QStringList textList(const YAML::Node &node, const QString &field);

} // namespace tw::config::yamlcheck
