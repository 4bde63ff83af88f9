#include "slaworker.h"
