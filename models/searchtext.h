#pragma once

#include <QString>
#include <QStringView>

#include <initializer_list>

namespace nocturne::models {

// Lower-cases text for the instant filter: an ASCII fast path with a per-character
// fallback. Qt 6.4's QString::toLower() costs ~15 ns a character, which alone would
// take most of a 100k-row snapshot's budget. The filter folds the needle with the same
// function, so both sides always agree.
QString foldForSearch(QStringView text);
// Folds several fields into one string, each separated by `separator`, in one allocation.
QString foldForSearch(std::initializer_list<QStringView> fields, QChar separator);

} // namespace nocturne::models
