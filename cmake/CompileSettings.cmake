# One INTERFACE target carries the compile settings every Nocturne target shares.
add_library(nocturne_compile_settings INTERFACE)
add_library(Nocturne::CompileSettings ALIAS nocturne_compile_settings)

target_compile_features(nocturne_compile_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(nocturne_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(nocturne_compile_settings INTERFACE -Wall -Wextra -Wpedantic)
elseif(MSVC)
    target_compile_options(nocturne_compile_settings INTERFACE /W4 /permissive- /utf-8)
endif()

# Qt and standard headers nearly every file includes, precompiled once per target instead
# of parsed once per file; extra arguments add headers for that target. The dev preset
# turns precompiled headers off (CMAKE_DISABLE_PRECOMPILE_HEADERS), so a missing #include
# still fails to compile there.
set(NOCTURNE_COMMON_PCH
    <QByteArray> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QList>
    <QObject> <QSet> <QString> <QTimeZone> <QVariant>
    <algorithm> <functional> <memory> <optional> <vector>)
function(nocturne_precompile_headers target)
    target_precompile_headers(${target} PRIVATE ${NOCTURNE_COMMON_PCH} ${ARGN})
endfunction()
