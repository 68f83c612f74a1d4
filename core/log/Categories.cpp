#include "Categories.h"

// Debug output only on request (QT_LOGGING_RULES="tablewright.*.debug=true"):
// info and above by default, with no filter rules to parse at every start.

Q_LOGGING_CATEGORY(lcConfig, "tablewright.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "tablewright.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPool, "tablewright.pool", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMonitor, "tablewright.monitor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "tablewright.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "tablewright.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "tablewright.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "tablewright.auth", QtInfoMsg)
