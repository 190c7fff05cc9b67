// Linux errno numbers used by IPVS and glibc's strerror texts for them.

/** Linux errno values (asm-generic/errno-base.h, errno.h). */
export const EPERM = 1;
export const ENOENT = 2;
export const ESRCH = 3;
export const EINTR = 4;
export const EIO = 5;
export const ENOMEM = 12;
export const EACCES = 13;
export const EFAULT = 14;
export const EBUSY = 16;
export const EEXIST = 17;
export const ENODEV = 19;
export const EINVAL = 22;
export const ENOSPC = 28;
export const ERANGE = 34;
export const EMSGSIZE = 90;
export const ENOPROTOOPT = 92;
export const EOPNOTSUPP = 95;
export const EAFNOSUPPORT = 97;
export const ENOBUFS = 105;
export const ETIMEDOUT = 110;

const TEXT: Record<number, string> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  3: 'No such process',
  4: 'Interrupted system call',
  5: 'Input/output error',
  6: 'No such device or address',
  7: 'Argument list too long',
  9: 'Bad file descriptor',
  11: 'Resource temporarily unavailable',
  12: 'Cannot allocate memory',
  13: 'Permission denied',
  14: 'Bad address',
  16: 'Device or resource busy',
  17: 'File exists',
  19: 'No such device',
  22: 'Invalid argument',
  24: 'Too many open files',
  28: 'No space left on device',
  34: 'Numerical result out of range',
  71: 'Protocol error',
  90: 'Message too long',
  92: 'Protocol not available',
  93: 'Protocol not supported',
  95: 'Operation not supported',
  97: 'Address family not supported by protocol',
  98: 'Address already in use',
  99: 'Cannot assign requested address',
  105: 'No buffer space available',
  110: 'Connection timed out',
  111: 'Connection refused',
};

/** glibc's strerror(errno) text. */
export function strerror(errno: number): string {
  return TEXT[errno] ?? `Unknown error ${errno}`;
}
