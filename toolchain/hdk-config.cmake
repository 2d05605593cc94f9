# find_package(hdk CONFIG) entry point: hdk::hdk (the headers) and hdk_add_zome.
include("${CMAKE_CURRENT_LIST_DIR}/hdk-zome.cmake")
set(hdk_FOUND TRUE)
