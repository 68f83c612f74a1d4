#pragma once

// The api.policy list of the config file. Internal to core/config.

#include "AppConfig.h"

#include <yaml-cpp/yaml.h>

namespace tw::config::yamlcheck {

// The permissions a rule may grant, as written in the file.
const QStringList &policyPermissions();

// Throws Invalid naming the field (api.policy[1].allow[0]) on a bad rule.
QList<PolicyRule> policyRules(const YAML::Node &node, const QString &at);

} // namespace tw::config::yamlcheck
