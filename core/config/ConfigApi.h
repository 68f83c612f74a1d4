#pragma once

// The api block of the config file. Internal to core/config.

#include "AppConfig.h"

#include <yaml-cpp/yaml.h>

#include <functional>

namespace tw::config::yamlcheck {

// Resolves a file name relative to the config file's folder.
using PathReader = std::function<QString(const YAML::Node &, const QString &field)>;

// Throws Invalid naming the field (api.limits.burst) on a bad value.
ApiSettings apiSettings(const YAML::Node &node, const QString &at, const PathReader &path);

} // namespace tw::config::yamlcheck
