#pragma once

#include "migrate/MigrationStatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace tw::ui {

// How a migration state looks everywhere in the tab: one colour, one icon
// and one translated word per state, so the list, the details pane and the
// tests agree. Icons are painted here (a dot with a mark) rather than taken
// from the style, whose offscreen and Fusion sets lack warning/ok glyphs of
// the same size.
class MigrationStateStyle
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::MigrationStateStyle)
public:
    enum class Tone { Ok, Neutral, Error, Warning, Muted };

    static Tone tone(migrate::MigrationState state);
    static QColor color(migrate::MigrationState state);       // the icon's and the text's colour
    static QColor background(migrate::MigrationState state);  // a light row tint; invalid for neutral rows
    static QIcon icon(migrate::MigrationState state);
    static QString label(migrate::MigrationState state);      // "Applied", "Checksum changed", …
    static QString explanation(migrate::MigrationState state); // one sentence for the details pane
};

} // namespace tw::ui
