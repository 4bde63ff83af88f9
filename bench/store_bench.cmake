# nocturne-bench-store: EventStore::append against a raw sqlite3 insert loop.
find_package(SQLite3 REQUIRED)
add_executable(nocturne-bench-store ${CMAKE_CURRENT_LIST_DIR}/store_bench.cpp)
target_link_libraries(nocturne-bench-store PRIVATE Nocturne::Core Nocturne::CompileSettings SQLite::SQLite3)
