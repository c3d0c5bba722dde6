# shellcheck shell=bash
# Locate a JDK >= 21 for building and running mdj.
#
# This file is *sourced* by bin/mdj, bin/test and .ci/run; it only defines
# functions and must not change the caller's shell options or exit.
#
#   mdj_find_jdk   prints the home of a JDK >= 21 (has bin/java and bin/javac),
#                  or prints a one-line error to stderr and returns 1.
#   mdj_mvn ARGS   runs `mvn -B ARGS` with JAVA_HOME set to that JDK.
#
# Search order: $JAVA_HOME, the `java` on PATH, then the highest version among
# the JDKs installed in the usual places. The system search list can be
# overridden (mainly for testing) with MDJ_JDK_SEARCH_DIRS: space-separated
# glob patterns; each match is tried as a JDK home, and if it is a directory
# that is not a JDK home itself, its immediate subdirectories are tried
# (so both "/usr/lib/jvm/*" and "/usr/lib/jvm" work).

MDJ_MIN_JAVA=21
MDJ_JDK_SEARCH_DIRS_DEFAULT='/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home'

# _mdj_java_major HOME: print the Java major version of HOME/bin/java,
# or return 1 if it is not a runnable JDK (java and javac both required).
_mdj_java_major() {
  local home=$1 out major
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  out=$("$home/bin/java" -version 2>&1) || return 1
  # Matches: version "25"  version "21.0.2"  version "17.0.15"  version "25-ea"
  # and the pre-9 scheme version "1.8.0_402" (major is the second number).
  local re='version "([0-9]+)(\.([0-9]+))?'
  [[ $out =~ $re ]] || return 1
  major=${BASH_REMATCH[1]}
  if [[ $major == 1 && -n ${BASH_REMATCH[3]} ]]; then
    major=${BASH_REMATCH[3]}
  fi
  printf '%s\n' "$major"
}

# _mdj_consider DIR: examine a candidate JDK home once. Called only from
# mdj_find_jdk and works on its local variables (bash locals are dynamically
# scoped): sets $real (resolved path) and $major, appends to $seen and $found.
# Returns 1 if DIR is not a JDK or was already examined. Resolving symlinks
# dedupes e.g. java-1.17.0-openjdk-amd64 -> java-17-openjdk-amd64.
_mdj_consider() {
  major=''
  [[ -d $1 ]] || return 1
  real=$(readlink -f -- "$1") || return 1
  [[ $seen == *$'\n'"$real"$'\n'* ]] && return 1
  seen+="$real"$'\n'
  major=$(_mdj_java_major "$real") || { major=''; return 1; }
  found+="${found:+, }$real ($major)"
}

mdj_find_jdk() {
  local home real major pat dir cand
  local seen=$'\n'   # newline-separated resolved homes already examined
  local found=''     # "home (major)" list for the error message
  local best='' best_major=0

  # 1. JAVA_HOME, if it is a new enough JDK.
  if [[ -n ${JAVA_HOME:-} ]] && _mdj_consider "$JAVA_HOME" && ((major >= MDJ_MIN_JAVA)); then
    printf '%s\n' "$real"
    return 0
  fi

  # 2. The java on PATH: /usr/bin/java -> /etc/alternatives/java -> <home>/bin/java.
  if cand=$(command -v java 2>/dev/null) && cand=$(readlink -f -- "$cand"); then
    home=$(dirname -- "$(dirname -- "$cand")")
    if _mdj_consider "$home" && ((major >= MDJ_MIN_JAVA)); then
      printf '%s\n' "$real"
      return 0
    fi
  fi

  # 3. Installed JDKs: pick the highest version (ties: first in search order).
  local -a pats
  read -r -a pats <<<"${MDJ_JDK_SEARCH_DIRS:-$MDJ_JDK_SEARCH_DIRS_DEFAULT}"
  for pat in "${pats[@]}"; do
    # compgen -G expands the glob without word-splitting issues; no match -> no output.
    while IFS= read -r dir; do
      if [[ ! -x $dir/bin/java && -d $dir ]]; then
        # A directory of JDKs (e.g. /usr/lib/jvm) rather than a JDK home.
        while IFS= read -r cand; do
          if _mdj_consider "$cand" && ((major > best_major)); then
            best=$real best_major=$major
          fi
        done < <(compgen -G "$dir/*")
      elif _mdj_consider "$dir" && ((major > best_major)); then
        best=$real best_major=$major
      fi
    done < <(compgen -G "$pat")
  done

  if ((best_major >= MDJ_MIN_JAVA)); then
    printf '%s\n' "$best"
    return 0
  fi

  echo "mdj: no JDK ${MDJ_MIN_JAVA}+ found (found: ${found:-none}); a JDK ${MDJ_MIN_JAVA}+ is needed: install one (e.g. apt-get install openjdk-${MDJ_MIN_JAVA}-jdk) or set JAVA_HOME" >&2
  return 1
}

mdj_mvn() {
  local jdk
  if ! command -v mvn >/dev/null 2>&1; then
    echo "mdj: mvn not found; install Maven (e.g. apt-get install maven)" >&2
    return 1
  fi
  jdk=$(mdj_find_jdk) || return 1
  JAVA_HOME=$jdk mvn -B "$@"
}
