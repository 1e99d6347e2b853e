/*
 * A stand-in bcryptprimitives.dll for running voorwie.exe under Wine 8 in
 * CI. NOT shipped: real Windows 10 and 11 have this DLL.
 *
 * Rust's standard library asks ProcessPrng (bcryptprimitives.dll) for the
 * random seed of its hash maps. Wine 8.0 has no such DLL, so every run ends
 * at start-up with exit code 53. This one exports ProcessPrng and fills the
 * buffer from RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 *
 * Built by scripts/wine-smoke.sh:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *       bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
