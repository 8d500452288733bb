#include "kaikaku.h"
int main(void) { return 0; }
