// Shim for libLibTorchSharp.so (TorchSharp 0.107.0) on systems whose libstdc++ predates GCC 13 (Debian 12: GLIBCXX_3.4.30).
// GCC 13's <iostream> makes every translation unit reference std::ios_base_library_init() (GLIBCXX_3.4.32) so that the
// library's iostream initialiser is linked; the reference is never called for its result. Defining the function here,
// constructing the standard stream initialiser once, satisfies the loader. See tools/native/fix-libtorchsharp.sh.
#include <ios>

namespace std
{
    __attribute__((visibility("default"))) void ios_base_library_init()
    {
        static ios_base::Init init;
    }
}
