#pragma once

#include <QStringList>

namespace nocturne::ctl {

// Whether the command line (after the program name) asks `report` for a PDF. main.cpp
// asks before it creates the application object: only a PDF needs a QGuiApplication
// (fonts for QTextDocument); every other command stays GUI-free and starts fast.
bool reportWritesPdf(const QStringList &arguments);

} // namespace nocturne::ctl
