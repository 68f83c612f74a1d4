#pragma once

#include <QString>

// Paths in the config file are relative to the file's folder, so a config and
// its database can be moved together. Internal to core/config.
namespace tw::config {

// Absolute and cleaned; "~/" expands to the home folder; ":memory:" and "" stay.
QString resolveConfigPath(const QString &path, const QString &baseDir);
// The inverse for writing: relative when inside baseDir, otherwise unchanged.
QString relativeConfigPath(const QString &path, const QString &baseDir);

} // namespace tw::config
