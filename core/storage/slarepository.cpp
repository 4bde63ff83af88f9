#include "slarepository.h"
