#pragma once

#include "error/Error.h"

#include <QCoreApplication>

namespace tw::ui {

// How every part of the window shows a tw::Error: the translated sentence
// first (tw::userText), then the specifics under "Details", never the bare code.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::ErrorText)
public:
    static QString plain(const Error &error);
    static QString html(const Error &error);
    static QString asSqlComment(const Error &error);
};

} // namespace tw::ui
