#include "slasubject.h"
