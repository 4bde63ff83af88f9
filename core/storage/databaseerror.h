#pragma once

#include <QString>

namespace nocturne::core {

// Why a database could not be used. The message is for people: it names the file and
// what to do; the kind lets callers pick an exit code or a dialog.
struct DatabaseError
{
    // InvalidData: the database is fine, the events offered to it are not.
    enum class Kind { None, Missing, NotInitialised, Locked, ReadOnly, NewerSchema, Corrupt, Io, InvalidData };
    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }
};

} // namespace nocturne::core
