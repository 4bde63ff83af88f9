#include "slapolicy.h"
