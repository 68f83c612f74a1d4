#include "Categories.h"

Q_LOGGING_CATEGORY(lcConfig, "tablewright.config")
Q_LOGGING_CATEGORY(lcDb, "tablewright.db")
Q_LOGGING_CATEGORY(lcPool, "tablewright.pool")
Q_LOGGING_CATEGORY(lcMonitor, "tablewright.monitor")
Q_LOGGING_CATEGORY(lcUi, "tablewright.ui")
Q_LOGGING_CATEGORY(lcApp, "tablewright.app")
Q_LOGGING_CATEGORY(lcHttp, "tablewright.http")
Q_LOGGING_CATEGORY(lcAuth, "tablewright.auth")
